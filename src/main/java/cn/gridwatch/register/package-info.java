/** What all registers share: file import, grid assignment of located rows and its history. */
package cn.gridwatch.register;
