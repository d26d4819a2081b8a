/**
 * Staff identity: Camunda's identity service holds users and groups; this feature names the groups after the
 * organisation, grants them the minimal Camunda authorizations, seeds demo users, and secures the APIs.
 */
package org.zhengpaopao.identity;
