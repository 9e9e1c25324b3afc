resource "google_dns_managed_zone" "tenants" {
  project  = var.project_id
  name     = replace(var.base_domain, ".", "-")
  dns_name = "${var.base_domain}."
}

# Every <slug>.<base_domain> reaches the ingress controller; no DNS change per tenant.
resource "google_dns_record_set" "wildcard" {
  project      = var.project_id
  managed_zone = google_dns_managed_zone.tenants.name
  name         = "*.${var.base_domain}."
  type         = "A"
  ttl          = 300
  rrdatas      = [google_compute_address.ingress.address]
}
