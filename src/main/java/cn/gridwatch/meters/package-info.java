/** Smart power meters on sources: 15-minute readings and alerts when production runs without its control equipment. */
package cn.gridwatch.meters;
