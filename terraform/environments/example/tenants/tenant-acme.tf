module "tenant_acme" {
  source = "../../../modules/tenant-gcp"

  tenant = {
    slug                = "acme"
    display_name        = "ACME Corporation"
    domains             = ["acme.vaccinate.example"]
    branding            = { primary_color = "#0b5fff", accent_color = "#ffb000" }
    default_locale      = "en"
    initial_admin_email = "it@acme.example"
  }

  api_image_tag    = local.api_image_tag
  api_image_digest = local.api_image_digest
  platform         = local.platform
}
