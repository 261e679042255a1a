/** Java2D rendering of map layers into images: style model, grid feature source, image encoders, CJK labels. */
package cn.gridwatch.map.render;
