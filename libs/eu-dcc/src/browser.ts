/**
 * What a browser may import: base45 and the COSE_Sign1 structure of an HC1 code, without
 * node:crypto or node:zlib (pages inflate with DecompressionStream and verify with Web Crypto).
 */
export { Base45Error, base45Decode } from './base45';
export { COSE_ALG_ES256, coseAlgorithm, coseKeyId, decodeCbor, decodeCoseSign1, sigStructure, type CoseSign1 } from './cose-structure';
export { DccError } from './dcc-error';
