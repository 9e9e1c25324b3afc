resource "kubernetes_namespace_v1" "platform" {
  metadata {
    name = "vaccinate-platform"
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
    certificates = {
      image = { repository = "${var.image_registry}/certificates", tag = "${var.certificates_image_tag}@${var.certificates_image_digest}" }
    }
    networkPolicy = { ingressControllerNamespace = var.ingress_namespace }
    tracing = {
      otlpEndpoint       = var.tracing.otlp_endpoint
      collectorNamespace = var.tracing.collector_namespace
      collectorPort      = var.tracing.collector_port
    }
  })]

  # The mailer and certificates pods read their Secrets at start.
  depends_on = [kubernetes_secret_v1.mailer, kubernetes_secret_v1.certificates]
}
