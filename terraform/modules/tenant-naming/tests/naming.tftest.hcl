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
