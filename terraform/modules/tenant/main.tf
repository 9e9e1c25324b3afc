module "naming" {
  source = "../tenant-naming"

  slug                = var.slug
  display_name        = var.display_name
  domains             = var.domains
  branding            = var.branding
  default_locale      = var.default_locale
  employee_number     = var.employee_number
  time_zone           = var.time_zone
  holiday_region      = var.holiday_region
  retention           = var.retention
  initial_admin_email = var.initial_admin_email
  oidc                = var.oidc
  sms                 = var.sms
  api_image = {
    repository = var.platform.api_image_repository
    tag        = var.api_image_tag
    digest     = var.api_image_digest
  }
  platform = {
    ingress_class      = var.platform.ingress_class
    ingress_namespace  = var.platform.ingress_namespace
    platform_namespace = var.platform.platform_namespace
    postgres_cidr      = var.platform.postgres_cidr
    postgres_port      = var.platform.postgres_port
    postgres_ssl       = var.platform.postgres_ssl
    tls_secret_name    = var.platform.tls_secret_name
    tracing            = var.platform.tracing
  }
}
