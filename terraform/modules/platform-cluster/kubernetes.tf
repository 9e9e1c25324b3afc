# The cluster's own ingress controller stays as it is; cert-manager issues each tenant host's
# certificate over HTTP-01 through it (modules/tenant-cluster asks for one per tenant).
locals {
  platform_namespace = "vaccinate-platform"
  cluster_issuer     = "letsencrypt"
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
    certificates = {
      image = { repository = "${var.image_registry}/certificates", tag = "${var.certificates_image_tag}@${var.certificates_image_digest}" }
    }
    networkPolicy = { ingressControllerNamespace = var.ingress.namespace }
  })]

  depends_on = [kubernetes_secret_v1.mailer, kubernetes_secret_v1.certificates]
}
