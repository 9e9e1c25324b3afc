# CloudNativePG as the HA PostgreSQL: the operator, then one Cluster every tenant database lives in.
# kubernetes_manifest needs the Cluster CRD when planning: the first apply of a new cluster runs
# `terraform apply -target=helm_release.cloudnative_pg -target=helm_release.cert_manager` first.
locals {
  database_namespace = "vaccinate-postgres"
  postgres_cluster   = "vaccinate-postgres"
}

resource "helm_release" "cloudnative_pg" {
  name             = "cloudnative-pg"
  namespace        = "cnpg-system"
  create_namespace = true
  repository       = "https://cloudnative-pg.github.io/charts"
  chart            = "cloudnative-pg"
  version          = "0.23.2"
}

resource "kubernetes_namespace_v1" "database" {
  metadata {
    name   = local.database_namespace
    labels = { "app.kubernetes.io/part-of" = "vaccinate" }
  }
}

resource "random_password" "postgres_admin" {
  length  = 40
  special = false
}

# The tenants stack's postgresql provider signs in with it to create each tenant's database and role.
resource "kubernetes_secret_v1" "postgres_superuser" {
  metadata {
    name      = "${local.postgres_cluster}-superuser"
    namespace = kubernetes_namespace_v1.database.metadata[0].name
  }
  type = "kubernetes.io/basic-auth"
  data = { username = "postgres", password = random_password.postgres_admin.result }
}

resource "kubernetes_manifest" "postgres" {
  manifest = {
    apiVersion = "postgresql.cnpg.io/v1"
    kind       = "Cluster"
    metadata   = { name = local.postgres_cluster, namespace = kubernetes_namespace_v1.database.metadata[0].name }
    spec = {
      instances             = var.postgres.instances
      imageName             = var.postgres.image
      enableSuperuserAccess = true
      superuserSecret       = { name = kubernetes_secret_v1.postgres_superuser.metadata[0].name }
      storage               = { size = var.postgres.storage_size }
      # Each tenant's API pods hold a small pool; many tenants share this instance.
      postgresql = { parameters = { max_connections = "500" } }
      affinity   = { enablePodAntiAffinity = true, topologyKey = "kubernetes.io/hostname", podAntiAffinityType = "required" }
    }
  }

  depends_on = [helm_release.cloudnative_pg]
}
