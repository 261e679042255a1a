/** People and duties: grid chiefs and officers per cell, station chiefs per air station, inspectors. */
package cn.gridwatch.people;
