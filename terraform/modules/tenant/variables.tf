variable "slug" {
  description = "Tenant slug (see modules/tenant-naming for the rules)."
  type        = string
}

variable "display_name" {
  description = "Company name shown in the web app."
  type        = string
}

variable "domains" {
  description = "Host names of the tenant; the first one is its public URL."
  type        = list(string)
}

variable "branding" {
  description = "Colors (hex) and optional logo URL."
  type = object({
    primary_color = string
    accent_color  = string
    logo_url      = optional(string)
  })
}

variable "employee_number" {
  description = "optional or required: whether the booking form asks for the employee number."
  type        = string
  default     = "optional"
}

variable "default_locale" {
  description = "de or en."
  type        = string
  default     = "de"
}

variable "time_zone" {
  description = "IANA time zone of the tenant's vaccination days."
  type        = string
  default     = "Europe/Berlin"
}

variable "holiday_region" {
  description = "Country or country-state code (DE, DE-BE) whose public holidays the day calendar warns about; phone numbers typed without country code are read in its country."
  type        = string
  default     = "DE"
}

variable "retention" {
  description = "Days data that no law requires is kept (docs/records-of-processing.md); null keeps the chart's defaults."
  type = object({
    unvaccinated_days = number
    mail_days         = number
    audit_days        = number
    sign_in_days      = number
  })
  default = null
}

variable "api_image_tag" {
  description = "Tag of the API image, as released by the deploy workflow."
  type        = string
}

variable "api_image_digest" {
  description = "sha256 digest of that tag, as printed by the deploy workflow."
  type        = string
}

variable "initial_admin_email" {
  description = "E-mail of the tenant's first admin; the one-time password is in the tenant's Secret."
  type        = string
}

variable "oidc" {
  description = "The tenant's identity provider, if staff sign in with it."
  type = object({
    issuer      = string
    client_id   = string
    roles_claim = optional(string, "roles")
    role_map    = optional(string, "")
  })
  default = null
}

variable "sms" {
  description = "Standby offers by SMS: provider log (nothing is sent), twilio or vonage; from is a number in E.164 or a sender id of up to 11 letters and digits; base_url replaces the provider's API host."
  type = object({
    provider = string
    from     = optional(string, "")
    base_url = optional(string, "")
  })
  default = { provider = "log" }

  validation {
    condition     = contains(["log", "twilio", "vonage"], var.sms.provider) && (var.sms.provider == "log" || can(regex("^(\\+[1-9][0-9]{6,14}|[A-Za-z0-9 ]{1,11})$", var.sms.from)))
    error_message = "sms.provider must be log, twilio or vonage; twilio and vonage need from: a number in E.164 or a sender id of up to 11 letters and digits."
  }
}

variable "sms_credentials" {
  description = "The SMS provider account: Twilio's account SID and auth token, or Vonage's API key, API secret and signature secret (which signs delivery receipts)."
  type = object({
    account_id       = string
    auth_secret      = string
    signature_secret = optional(string)
  })
  default   = null
  sensitive = true
}

variable "platform" {
  description = "The `platform` output of modules/platform-gcp or modules/platform-azure, with `mailer_api_key` from their `mailer` output merged in (see environments/example/tenants/providers.tf)."
  type = object({
    cloud                       = string
    api_image_repository        = string
    chart_repository            = string
    chart_version               = string
    ingress_class               = string
    ingress_namespace           = string
    platform_namespace          = string
    tenant_directory_config_map = string
    postgres_host               = string
    postgres_port               = number
    postgres_cidr               = string
    postgres_ssl                = string
    tls_secret_name             = string
    # The platform's CSCA (modules/document-signing-ca): issues each tenant's Document Signer Certificate.
    document_signing_ca = object({
      country         = string
      certificate_pem = string
      private_key_pem = string
    })
    # Where each tenant writes its CERTIFICATE_ISSUER_<SLUG> key for the certificates function.
    certificates_secret_name = optional(string, "certificates-secrets")
    # The mailer's shared key; platform stacks without a mailer leave it out.
    mailer_api_key = optional(string)
    # The platform's collector; left out, tracing stays off.
    tracing = optional(object({
      otlp_endpoint       = optional(string, "")
      collector_namespace = optional(string, "observability")
      collector_port      = optional(number, 4318)
    }), {})
  })
}

variable "document_signer" {
  description = <<-EOT
    The DSC of the certificate key from a national CSCA, replacing the one the platform CSCA issues:
    submit the output document_signer_csr_pem to the national CSCA, then set the DSC and that CSCA's
    certificate (both PEM) here. Null keeps the platform-issued DSC.
  EOT
  type = object({
    certificate_pem      = string
    csca_certificate_pem = string
  })
  default = null
}

variable "publish_legacy_signing_key" {
  description = "Publish the single signing key of earlier versions as a retired certificate key, so certificates signed before the upgrade still verify."
  type        = bool
  default     = true
}
