# One HA instance (regional: a standby in another zone) shared by every tenant; each tenant gets
# its own database and role from modules/tenant.
resource "google_sql_database_instance" "main" {
  project             = var.project_id
  name                = "${var.name}-postgres"
  region              = var.region
  database_version    = "POSTGRES_16"
  deletion_protection = true

  settings {
    tier              = var.postgres_tier
    availability_type = "REGIONAL"
    edition           = "ENTERPRISE"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }

    database_flags {
      name  = "max_connections"
      value = "800"
    }
  }

  depends_on = [google_service_networking_connection.private_services]
}

resource "random_password" "postgres_admin" {
  length  = 32
  special = false
}

resource "google_sql_user" "admin" {
  project  = var.project_id
  instance = google_sql_database_instance.main.name
  name     = "vaccinate_admin"
  password = random_password.postgres_admin.result
}
