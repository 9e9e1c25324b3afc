module "tenant_globex" {
  source = "../../../modules/tenant-gcp"

  tenant = {
    slug                = "globex"
    display_name        = "Globex"
    domains             = ["globex.vaccinate.example", "impfen.globex.example"]
    branding            = { primary_color = "#146c43", accent_color = "#f0ad4e", logo_url = "https://globex.example/logo.svg" }
    default_locale      = "de"
    initial_admin_email = "betriebsarzt@globex.example"
    oidc = {
      issuer      = "https://login.globex.example/realms/staff"
      client_id   = "vaccinate"
      roles_claim = "groups"
      role_map    = "vacc-admins:admin,vacc-doctors:doctor"
    }
  }

  api_image_tag    = local.api_image_tag
  api_image_digest = local.api_image_digest
  platform         = local.platform
}
