resource "helm_release" "tenant" {
  name       = "tenant"
  namespace  = kubernetes_namespace_v1.tenant.metadata[0].name
  repository = var.platform.chart_repository
  chart      = "tenant"
  version    = var.platform.chart_version

  values = [yamlencode(module.naming.chart_values)]

  # The migration hook Job needs the Secret and the database before the first install.
  depends_on = [
    kubernetes_secret_v1.api,
    postgresql_grant.tenant_connect,
    postgresql_grant.revoke_public,
  ]

  atomic          = true
  cleanup_on_fail = true
  timeout         = 900
}
