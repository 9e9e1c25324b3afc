import { ApiServiceUnavailableResponse } from '@nestjs/swagger';

/**
 * A route that signs certificates: it issues one, or changes a record whose certificate is re-issued in the same
 * transaction (the record events' listeners). Without a current signing key whose DSC is valid the whole request is
 * refused, so no record is left without its certificate.
 */
export const SignsCertificates = () =>
  ApiServiceUnavailableResponse({ description: "certificate.signer_not_valid: the current signing key's DSC has expired or is not yet valid" });
