# Uptime alerts of every tenant (modules/tenant-gcp) notify this channel.
resource "google_monitoring_notification_channel" "ops" {
  project      = var.project_id
  display_name = "vaccinate operators"
  type         = "email"
  labels       = { email_address = var.alert_email }
}
