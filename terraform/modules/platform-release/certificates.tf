# The certificates function's Secret. Each tenant module writes its own CERTIFICATE_ISSUER_<SLUG>
# key into it (kubernetes_secret_v1_data), so this resource leaves the keys alone.
resource "kubernetes_secret_v1" "certificates" {
  metadata {
    name      = "certificates-secrets"
    namespace = kubernetes_namespace_v1.platform.metadata[0].name
  }

  lifecycle {
    ignore_changes = [data]
  }
}
