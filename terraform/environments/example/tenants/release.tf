# The API release every tenant runs; the deploy workflow prints both values for a tag.
locals {
  api_image_tag    = "1.0.0"
  api_image_digest = "sha256:0f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100"
}
