/** Cross-cutting HTTP only: the error shape and parameter parsers. */
package cn.gridwatch.http;
