/** Injection token of the tenant's FieldKeyRing. */
export const FIELD_CIPHER = Symbol('FIELD_CIPHER');
