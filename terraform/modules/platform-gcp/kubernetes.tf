locals {
  platform_namespace = "vaccinate-platform"
  ingress_namespace  = "ingress-nginx"
  tls_secret_name    = "wildcard-tls"
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

resource "kubernetes_namespace_v1" "platform" {
  metadata {
    name = local.platform_namespace
    labels = {
      "app.kubernetes.io/part-of"          = "vaccinate"
      "pod-security.kubernetes.io/enforce" = "restricted"
    }
  }
}

resource "helm_release" "platform" {
  name       = "platform"
  namespace  = kubernetes_namespace_v1.platform.metadata[0].name
  repository = var.chart_repository
  chart      = "platform"
  version    = var.chart_version

  values = [yamlencode({
    web = { image = { repository = "${var.image_registry}/web", tag = "${var.web_image_tag}@${var.web_image_digest}" } }
    mailer = {
      image    = { repository = "${var.image_registry}/mailer", tag = "${var.mailer_image_tag}@${var.mailer_image_digest}" }
      provider = var.mail_provider
      from     = var.mail_from
    }
    # Each tenant module adds its own key to certificates-secrets (certificates.tf).
    certificates = {
      image = { repository = "${var.image_registry}/certificates", tag = "${var.certificates_image_tag}@${var.certificates_image_digest}" }
    }
    networkPolicy = { ingressControllerNamespace = local.ingress_namespace }
  })]

  # The mailer and certificates pods read their Secrets at start.
  depends_on = [kubernetes_secret_v1.mailer, kubernetes_secret_v1.certificates]
}
