/** Users, roles, jurisdiction scope, sign-in, sessions, API tokens, access rules and the audit log. */
package cn.gridwatch.security;
