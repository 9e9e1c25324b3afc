# The cluster's own ingress controller stays as it is; cert-manager issues each tenant host's
# certificate over HTTP-01 through it (modules/tenant-cluster asks for one per tenant).
locals {
  cluster_issuer = "letsencrypt"
}

resource "helm_release" "cert_manager" {
  name             = "cert-manager"
  namespace        = "cert-manager"
  create_namespace = true
  repository       = "https://charts.jetstack.io"
  chart            = "cert-manager"
  version          = "v1.17.1"

  values = [yamlencode({ crds = { enabled = true } })]
}

resource "kubernetes_manifest" "cluster_issuer" {
  manifest = {
    apiVersion = "cert-manager.io/v1"
    kind       = "ClusterIssuer"
    metadata   = { name = local.cluster_issuer }
    spec = {
      acme = {
        email               = var.acme_email
        server              = "https://acme-v02.api.letsencrypt.org/directory"
        privateKeySecretRef = { name = "${local.cluster_issuer}-account" }
        solvers             = [{ http01 = { ingress = { ingressClassName = var.ingress.class } } }]
      }
    }
  }

  depends_on = [helm_release.cert_manager]
}

module "release" {
  source = "../platform-release"

  ingress_namespace         = var.ingress.namespace
  image_registry            = var.image_registry
  chart_repository          = var.chart_repository
  chart_version             = var.chart_version
  web_image_tag             = var.web_image_tag
  web_image_digest          = var.web_image_digest
  mailer_image_tag          = var.mailer_image_tag
  mailer_image_digest       = var.mailer_image_digest
  certificates_image_tag    = var.certificates_image_tag
  certificates_image_digest = var.certificates_image_digest
  mail_from                 = var.mail_from
  mail_provider             = var.mail_provider
  smtp_url                  = var.smtp_url
  mailjet                   = var.mailjet
  tracing                   = var.tracing
}
