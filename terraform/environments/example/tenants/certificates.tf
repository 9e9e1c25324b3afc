# The certificates function (platform namespace) opens every tenant's certificate tokens: it gets
# each tenant's certificate secret, keyed by the tenant's public URL, and fetches each tenant's
# public keys from its API inside the cluster. Add every tenant module here.
locals {
  certificate_issuers = [
    module.tenant_acme.certificate_issuer,
    module.tenant_globex.certificate_issuer,
  ]
}

resource "kubernetes_secret_v1" "certificates" {
  metadata {
    name      = "certificates-secrets"
    namespace = local.platform.platform_namespace
  }

  data = {
    CERTIFICATE_SECRETS = jsonencode({ for issuer in local.certificate_issuers : issuer.issuer => issuer.secrets })
    JWKS_URLS           = jsonencode({ for issuer in local.certificate_issuers : issuer.issuer => issuer.jwks_url })
  }
}
