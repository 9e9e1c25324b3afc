# cert-manager's CRDs must exist before these are planned: on the very first apply, run
# `terraform apply -target=module.platform.helm_release.cert_manager` once (see the README).
resource "kubernetes_manifest" "cluster_issuer" {
  manifest = {
    apiVersion = "cert-manager.io/v1"
    kind       = "ClusterIssuer"
    metadata   = { name = "letsencrypt-dns" }
    spec = {
      acme = {
        email               = var.acme_email
        server              = "https://acme-v02.api.letsencrypt.org/directory"
        privateKeySecretRef = { name = "letsencrypt-dns-account" }
        solvers             = [{ dns01 = { cloudDNS = { project = var.project_id } } }]
      }
    }
  }

  depends_on = [helm_release.cert_manager]
}

resource "kubernetes_manifest" "wildcard_certificate" {
  manifest = {
    apiVersion = "cert-manager.io/v1"
    kind       = "Certificate"
    metadata   = { name = local.tls_secret_name, namespace = local.ingress_namespace }
    spec = {
      secretName = local.tls_secret_name
      dnsNames   = [var.base_domain, "*.${var.base_domain}"]
      issuerRef  = { kind = "ClusterIssuer", name = "letsencrypt-dns" }
    }
  }

  depends_on = [kubernetes_manifest.cluster_issuer, helm_release.ingress_nginx]
}
