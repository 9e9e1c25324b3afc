# Fixtures are shared with infra/ tests, which check them against the chart's values.schema.json
# and libs/tenant-directory, so Terraform, the chart and the web app agree on one format.
variables {
  slug                = "acme"
  display_name        = "ACME Corporation"
  domains             = ["acme.vaccinate.example", "impfen.acme.example"]
  branding            = { primary_color = "#0b5fff", accent_color = "#ffb000" }
  default_locale      = "en"
  initial_admin_email = "it@acme.example"
  api_image = {
    repository = "ghcr.io/vaccinate/api"
    tag        = "1.0.0"
    digest     = "sha256:0f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100"
  }
  platform = {
    ingress_class      = "nginx"
    ingress_namespace  = "ingress-nginx"
    platform_namespace = "vaccinate-platform"
    postgres_cidr      = "10.20.0.0/24"
    postgres_port      = 5432
    postgres_ssl       = "require"
  }
}

run "names_follow_the_local_launcher" {
  command = plan

  variables {
    slug = "big-corp"
  }

  assert {
    condition     = output.namespace == "tenant-big-corp"
    error_message = "namespace must be tenant-<slug>"
  }
  assert {
    condition     = output.database_name == "tenant_big_corp" && output.role_name == "tenant_big_corp"
    error_message = "database and role must be tenant_<slug with underscores>"
  }
}

run "renders_the_directory_entry" {
  command = plan

  assert {
    condition     = jsonencode(output.directory_entry) == jsonencode(jsondecode(file("tests/fixtures/acme-directory-entry.json")))
    error_message = "directory entry differs from tests/fixtures/acme-directory-entry.json"
  }
}

run "renders_a_logo_only_when_given" {
  command = plan

  variables {
    branding = { primary_color = "#0b5fff", accent_color = "#ffb000", logo_url = "/branding/acme.svg" }
  }

  assert {
    condition     = output.directory_entry.branding.logoUrl == "/branding/acme.svg"
    error_message = "logoUrl must be rendered when given"
  }
}

run "gives_the_api_long_colors_and_an_absolute_logo_url" {
  command = plan

  variables {
    branding  = { primary_color = "#0bf", accent_color = "#ffb000", logo_url = "/branding/acme.svg" }
    time_zone = "Europe/Vienna"
  }

  assert {
    condition     = output.chart_values.tenant.branding.primaryColor == "#00bbff" && output.directory_entry.branding.primaryColor == "#0bf"
    error_message = "the API gets #rrggbb; the directory keeps the color as given"
  }
  assert {
    condition     = output.chart_values.tenant.branding.logoUrl == "https://acme.vaccinate.example/branding/acme.svg"
    error_message = "a same-origin logo path must become an absolute URL on the primary domain"
  }
  assert {
    condition     = output.chart_values.tenant.timeZone == "Europe/Vienna"
    error_message = "the time zone must reach the chart values"
  }
}

run "refuses_a_time_zone_that_is_no_iana_name" {
  command = plan

  variables {
    time_zone = "UTC+2"
  }

  expect_failures = [var.time_zone]
}

run "passes_retention_and_the_holiday_region_only_when_given" {
  command = plan

  variables {
    holiday_region = "DE-BE"
    retention      = { unvaccinated_days = 180, mail_days = 30, audit_days = 3650, sign_in_days = 30 }
  }

  assert {
    condition     = output.chart_values.tenant.holidayRegion == "DE-BE"
    error_message = "the holiday region must reach the chart values"
  }
  assert {
    condition     = jsonencode(output.chart_values.retention) == jsonencode({ auditDays = 3650, mailDays = 30, signInDays = 30, unvaccinatedDays = 180 })
    error_message = "retention days must reach the chart values under the chart's names"
  }
}

run "reads_phone_numbers_in_the_holiday_regions_country" {
  command = plan

  variables {
    holiday_region = "AT-9"
  }

  assert {
    condition     = output.directory_entry.phoneRegion == "AT" && output.chart_values.tenant.holidayRegion == "AT-9"
    error_message = "the web app must read phone numbers in the country of the API's holiday region"
  }
}

run "refuses_retention_the_api_refuses" {
  command = plan

  variables {
    holiday_region = "Berlin"
    retention      = { unvaccinated_days = 0, mail_days = 30, audit_days = 10, sign_in_days = 30 }
  }

  expect_failures = [var.holiday_region, var.retention]
}

run "renders_the_chart_values" {
  command = plan

  assert {
    condition     = jsonencode(output.chart_values) == jsonencode(jsondecode(file("tests/fixtures/acme-chart-values.json")))
    error_message = "chart values differ from tests/fixtures/acme-chart-values.json"
  }
  assert {
    condition     = output.public_url == "https://acme.vaccinate.example"
    error_message = "the public URL is the first domain over https"
  }
}

run "refuses_a_bad_slug" {
  command = plan

  variables {
    slug = "Acme_Corp"
  }

  expect_failures = [var.slug]
}

run "refuses_a_domain_with_a_scheme" {
  command = plan

  variables {
    domains = ["https://acme.example"]
  }

  expect_failures = [var.domains]
}

run "refuses_an_unpinned_image" {
  command = plan

  variables {
    api_image = { repository = "ghcr.io/vaccinate/api", tag = "latest", digest = "" }
  }

  expect_failures = [var.api_image]
}

run "tracing_is_off_unless_the_platform_names_a_collector" {
  command = plan

  assert {
    condition     = output.chart_values.tracing.otlpEndpoint == ""
    error_message = "without a platform collector the chart's tracing.otlpEndpoint must stay empty (tracing off)"
  }
}

run "tracing_follows_the_platform_collector" {
  command = plan

  variables {
    platform = {
      ingress_class      = "nginx"
      ingress_namespace  = "ingress-nginx"
      platform_namespace = "vaccinate-platform"
      postgres_cidr      = "10.20.0.0/24"
      postgres_port      = 5432
      postgres_ssl       = "require"
      tracing            = { otlp_endpoint = "http://otel-collector.telemetry.svc.cluster.local:4318", collector_namespace = "telemetry" }
    }
  }

  assert {
    condition = jsonencode(output.chart_values.tracing) == jsonencode({
      otlpEndpoint       = "http://otel-collector.telemetry.svc.cluster.local:4318"
      collectorNamespace = "telemetry"
      collectorPort      = 4318
    })
    error_message = "the chart's tracing values must carry the platform's collector"
  }
}
