locals {
  ingress_namespace = "ingress-nginx"
  tls_secret_name   = "wildcard-tls"
}

resource "helm_release" "ingress_nginx" {
  name             = "ingress-nginx"
  namespace        = local.ingress_namespace
  create_namespace = true
  repository       = "https://kubernetes.github.io/ingress-nginx"
  chart            = "ingress-nginx"
  version          = "4.12.1"

  values = [yamlencode({
    controller = {
      replicaCount = 2
      service      = { loadBalancerIP = google_compute_address.ingress.address }
      # The wildcard certificate serves every tenant host that names no TLS Secret of its own.
      extraArgs = { "default-ssl-certificate" = "${local.ingress_namespace}/${local.tls_secret_name}" }
    }
  })]

  depends_on = [google_container_node_pool.default]
}

resource "helm_release" "cert_manager" {
  name             = "cert-manager"
  namespace        = "cert-manager"
  create_namespace = true
  repository       = "https://charts.jetstack.io"
  chart            = "cert-manager"
  version          = "v1.17.1"

  values = [yamlencode({ crds = { enabled = true } })]

  depends_on = [google_container_node_pool.default]
}

module "release" {
  source = "../platform-release"

  ingress_namespace         = local.ingress_namespace
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

# The platform's own objects moved into modules/platform-release.
moved {
  from = kubernetes_namespace_v1.platform
  to   = module.release.kubernetes_namespace_v1.platform
}

moved {
  from = helm_release.platform
  to   = module.release.helm_release.platform
}

moved {
  from = random_password.mailer_api_key
  to   = module.release.random_password.mailer_api_key
}

moved {
  from = kubernetes_secret_v1.mailer
  to   = module.release.kubernetes_secret_v1.mailer
}

moved {
  from = kubernetes_secret_v1.certificates
  to   = module.release.kubernetes_secret_v1.certificates
}
