variable "slug" {
  description = "Tenant slug: 3-32 lower-case letters, digits or hyphens, starting with a letter."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.slug))
    error_message = "The slug must be 3-32 lower-case letters, digits or hyphens, start with a letter and not end with a hyphen."
  }
}

variable "display_name" {
  description = "Company name shown in the web app."
  type        = string

  validation {
    condition     = trimspace(var.display_name) != ""
    error_message = "The display name must not be empty."
  }
}

variable "domains" {
  description = "Host names of the tenant; the first one is its public URL."
  type        = list(string)

  validation {
    condition     = length(var.domains) > 0 && alltrue([for d in var.domains : can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$", d))])
    error_message = "List at least one lower-case host name without scheme or port."
  }
}

variable "branding" {
  description = "Colors (hex) and optional logo URL or same-origin path."
  type = object({
    primary_color = string
    accent_color  = string
    logo_url      = optional(string)
  })

  validation {
    condition     = alltrue([for c in [var.branding.primary_color, var.branding.accent_color] : can(regex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", c))])
    error_message = "Colors must be hex colors such as #0b5fff."
  }
}

variable "employee_number" {
  description = "optional or required: whether the booking form asks for the employee number."
  type        = string
  default     = "optional"

  validation {
    condition     = contains(["optional", "required"], var.employee_number)
    error_message = "The employee number must be optional or required."
  }
}

variable "default_locale" {
  description = "Language of the web app for this tenant."
  type        = string
  default     = "de"

  validation {
    condition     = contains(["de", "en"], var.default_locale)
    error_message = "The default locale must be de or en."
  }
}

variable "time_zone" {
  description = "IANA time zone of the tenant's vaccination days."
  type        = string
  default     = "Europe/Berlin"

  validation {
    condition     = can(regex("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", var.time_zone))
    error_message = "The time zone must be an IANA name such as Europe/Berlin."
  }
}

variable "holiday_region" {
  description = "Country or country-state code (DE, DE-BE) whose public holidays the day calendar warns about; phone numbers typed without country code are read in its country."
  type        = string
  default     = "DE"

  validation {
    condition     = can(regex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$", var.holiday_region))
    error_message = "The holiday region must be a country or country-state code such as DE or DE-BE."
  }
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

  validation {
    condition = var.retention == null ? true : alltrue([
      var.retention.unvaccinated_days >= 1, var.retention.unvaccinated_days <= 3650,
      var.retention.mail_days >= 1, var.retention.mail_days <= 3650,
      var.retention.audit_days >= 30, var.retention.audit_days <= 7300,
      var.retention.sign_in_days >= 1, var.retention.sign_in_days <= 3650,
    ])
    error_message = "Retention days must be 1-3650 (audit events 30-7300)."
  }
}

variable "api_image" {
  description = "API image; the tag is pinned to its digest."
  type = object({
    repository = string
    tag        = string
    digest     = string
  })

  validation {
    condition     = can(regex("^sha256:[a-f0-9]{64}$", var.api_image.digest))
    error_message = "The image digest must be sha256:<64 hex digits>, as printed by the deploy workflow."
  }
}

variable "initial_admin_email" {
  description = "E-mail of the tenant's first admin (gets a one-time password)."
  type        = string
}

variable "oidc" {
  description = "The tenant's own identity provider, if staff sign in with it."
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

variable "platform" {
  description = "What the tenant needs from the platform (outputs of platform-gcp or platform-azure)."
  type = object({
    ingress_class      = string
    ingress_namespace  = string
    platform_namespace = string
    postgres_cidr      = string
    postgres_port      = number
    postgres_ssl       = string
    tls_secret_name    = optional(string, "")
    # The platform's collector; left out, tracing stays off.
    tracing = optional(object({
      otlp_endpoint       = optional(string, "")
      collector_namespace = optional(string, "observability")
      collector_port      = optional(number, 4318)
    }), {})
  })
}
