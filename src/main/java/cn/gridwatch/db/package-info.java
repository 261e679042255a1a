/** Connection pool, migrations, the transaction helper and the JTS/PostGIS codec. No feature tables. */
package cn.gridwatch.db;
