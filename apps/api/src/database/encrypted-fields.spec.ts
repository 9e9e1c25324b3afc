import { FieldKeyRing, type IndexedFieldCodec } from '@vaccinate/field-encryption';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS, personFields, registrationFields, staffFields } from './encrypted-fields';

// Values sealed by the code before the codecs existed (each call site passed its context as a string),
// under this fixed key: existing data must keep decrypting and blind indexes must keep matching.
const RING = FieldKeyRing.fromConfig(`v1:${Buffer.alloc(32, 7).toString('base64')}`, 'v1');

const WRITTEN_BEFORE: [table: string, column: string, ciphertext: string][] = [
  ['person', 'given_name_encrypted', 'enc:v1:Ir_v5TznC3K_ZCyUgRyyrIc3JQqsMBlRogK77y0UiQ_RPT2FPZwmmvEyL_XkmmKps4G93GhWZjpmJWhu9KmEVV4'],
  ['person', 'family_name_encrypted', 'enc:v1:is8gLH9Xj6XqXes5-1ZQS9NQTTziS7zPEJqnjhGa-qd470JoRbOQnKJq2guE5np-JW2bLD1FqWBFC6ZQv1D_JFFX'],
  ['person', 'birth_date_encrypted', 'enc:v1:RhhMWNf5s9q69XIUIAqjFxvTAjcko0oBRbJi9936pPm14-pguv0sfCFjkEERoQ93u4k_oLKt67U9pm9ITztkQDE'],
  ['person', 'phone_encrypted', 'enc:v1:YnACm-nJtWxyX3jp4F8G4-37kPjw0wCevaYbHxk6lE0WVnV6BzMFzjeplKNA6XR7k4Zy-OzxuNS4FzH4'],
  ['person', 'email_encrypted', 'enc:v1:CxKKlhxIHdqfsLSOacodyU7L-gc5iJrzyP1v5zRCuazAsmKhWFOpwTpIcFAPsnLUQswRCXWwkJz9JwXx'],
  ['person', 'employee_number_encrypted', 'enc:v1:O8hUeeA5tPiAyZBcBNg2asTaKJhQ9IefJY3ffTcb7EV47IbSN5Tcc8jBPjU-Tk1vUEbzQT2Pa1VjekfjXqoDxv-krrJB5Q'],
  ['person_revision', 'given_name_encrypted', 'enc:v1:njWyMpFY1BccKHOwl12wPewY6qWAzEZP04n6iZwv6aV-yVUtmqs5fQw5DuIdZV3I12cs7qTl-McZs-xHWe7PWU8EDnSqZwTsAmo'],
  ['person_revision', 'family_name_encrypted', 'enc:v1:DcyoOMVpv6G5BGhBbaM9mm-rvQ_QU4SYO9wORFKmK2Lj9b9kWn1854rrwIjjiLXZcvxnz5DsGB0z0ySiRq_nAPuN8AChPcc41_bn'],
  ['person_revision', 'birth_date_encrypted', 'enc:v1:v3V4rf_nISv8ZJsvr2_3KmsAW7O73RzzMu09VeZ278i0EpvQeGOyBq-8ne3pV3keEG21u8dxo8gGnM74mP0HXqO3OpgzG3d_-rI'],
  ['person_revision', 'phone_encrypted', 'enc:v1:Yvropl8c7i1EhFGCq-45GitGdmAybvfikUiQ9kCBkFUaPYjCQqnkbhHAwaztKSr4Xe9DHeh7Hs2XY6AepfQ8JKLBKgui'],
  ['person_revision', 'email_encrypted', 'enc:v1:dyhQ_J9yQVquR2VWyMNRsOV0GV8J8-vafEZ4YUFDMS92FsI3IINEcue4mYmXR1ZhUK_vi4xkiitT9rWKfnKuHmPLkPpG'],
  ['person_revision', 'employee_number_encrypted', 'enc:v1:7okRXFOjgOxjEwOdGoboe5CyvCqcH3Ritqe6VETlWJCv2ACx3qWT65-L4ujz-P8xxv9RK_54xakmbRNpIr6-mJP-GEPTmZfcc_0gnt6Hkw'],
  ['person_revision', 'reason_encrypted', 'enc:v1:5n94cNS4QIVtHAOfzrbOWVmKPFMtKNYIJ3ktElYGq9_Ot1WowR1bE9PwWmKTxsrCKEUwrEZusAlCFk0WdAKtLGey3Orajg'],
  ['registration', 'given_name_encrypted', 'enc:v1:7xkM1Gwq5mi8F_MHgynFMnqXD8JGyiPgQUb0-l3Gh9GO20E3Y0cBLFIQE-dA-3ZZ7C9Hwdr4jVQRx5X_RUyXDDvtYhxyCdk'],
  ['registration', 'family_name_encrypted', 'enc:v1:5fXnIZD7VLNh-9-NCPRe64T0CFYAw80XTH580lcPSYo7amEmraEkoNeIYdux37XD2gsDi3yYwRFGqyVSLvvKa6_CiNSC5eQm'],
  ['registration', 'email_encrypted', 'enc:v1:FC2dKageT_586ybR58l2mbr5_yJJojWhgRk4neYVHrOcg9Tv6EAeHpyFpCZHeqW_d5Q1Dy1MFY2R7yfg0_PsrCKd'],
  ['registration', 'birth_date_encrypted', 'enc:v1:EVHMblJkSQYeS_W8JF1FBCInGFhETPLKI9EEXG5MiPCh0FNrbKd9rZVkdMeGOslRYX7I_p9ETEilCGrdpLoNOuyIE0yn-ak'],
  ['registration', 'phone_encrypted', 'enc:v1:ll5Q_unrzlpWffvaiMd370qWkre0MSDVDDbz9xS5NeF2odq_4BWm8BoiSSvZDS60zPuBFUkUZ9l_CviD-PmxlVl6'],
  ['registration', 'profile_encrypted', 'enc:v1:1Z4NlBJr37fjiB6eLIrBP9pPeDdfeJtjDYDQhwsALxQkC3O6hIBSbUoH-RY9-FX_4sYh9kVSnB_4lhqHF4giVtFNnGs'],
  ['staff_account', 'email_encrypted', 'enc:v1:bCewMNAW74wb1_wbE8ZplFDHlfzf7rfRcE0TKiS-1C1uiNZTEJW_Dd60sMEUxYgB_dkG9tbxTfhVRJwmO2AN54Juyg'],
  ['staff_account', 'display_name_encrypted', 'enc:v1:CLnKoiBc9fCz-BdWf6of1bakGaK-v4VckzKWsi3JPsT3Cb3dfVgdu6en6-ispv8ZOyMHf94uquzvKQ-bswi6LFKBluJ-3_4NFBs'],
  ['booking', 'manage_token_encrypted', 'enc:v1:2BqbK8UM5PMjdHC3fMS1c18HJd3IindaGY2s-Tg2_KISV9sq1bxHGqpa_3br4OMI1zYaQ1unagdL84vruQKwyLXhK9U'],
  ['visit', 'answers_encrypted', 'enc:v1:aM3nf4SfMnkQd3xeUUxjPoFgC76JOJZt-6VWTrr8heGXzmA4_GttgUav7bXKnE3Zuv0P54qI9mPKVYrtPQ'],
  ['vaccination', 'dose_number_reason_encrypted', 'enc:v1:aUBATtZzuRLtUGAobhMB0GgrRC0sE8k7uOlZjuBdDgC2mrdM_IFYFnTD-WnIXc39q6LT2Bji70LH5oxnUuRZxmxGOMr748Lt8kfTqhcu'],
  ['vaccination', 'correction_reason_encrypted', 'enc:v1:eh6a_8q5Q4beX8o_r-YB-8UtZdHA39rIYrlA15aGNqYhsld0kaIknAx9sQKyZQ_AyoDskB1tBRSjfiaEBsQkGRR7DYNRpbLX8P_IkLc'],
  ['adverse_reaction', 'description_encrypted', 'enc:v1:HsQLe4L-UutiP1iY65ewtnECYBCcZyOfjl_tjy038_pNzDWsmZs8VJiBJHr0U_-0tghW6S-MxO3Y9tKXBid_eoYiFzv3_p_IVMeEag'],
  ['outbox_message', 'payload_encrypted', 'enc:v1:xmGLevrpNypbA8SOK2FCIOWlOE-gdMyns_4UY1mYepwj2djvYXRKT5_NlObdy40CKcnoJy3vcP9CZ5TeUVimNI1qpgJkzw'],
  ['standby_member', 'given_name_encrypted', 'enc:v1:OKd4nD_NSHipei2gIeS-fEaqUrRk4WY7fHT8YNQB-gQ8bK5XTQBnPAAL0axWm_46A-EInyx3SlpMnuVlAkUofx7buVhL2ZtQGQ'],
  ['standby_member', 'email_encrypted', 'enc:v1:Y9wLB4RPT3zRDCGwtioQB5sJLX4IBmOvMWHoRJqF7WQhn6xsRcu9M6IsoOj4LzrTgZPHdqs1tyUJ6vzZoFUyFee1Bz8'],
  ['standby_member', 'phone_encrypted', 'enc:v1:7_YVDYkhWmJ0_0rN1PjpNBmvdIPZHQpgTqlwUmu9a8a3jaSC59YMVFRbQ4j7loJ40SJ4vgFLuVcMj8vig3Jsi1Y8u7I'],
  ['standby_member', 'birth_date_encrypted', 'enc:v1:tG0KLSXfuGPTZOFCp_rDoSGaIvAkWZe8AgRy8lIqI4h8H6FpPZia1zvcN-4Xtl0ZCea1mfJSFFqlGq4prePX4i7Y_50z1Vt32g'],
  // Pinned when the roster brought the department.
  ['person', 'department_encrypted', 'enc:v1:UNU3SBUJ5c-WUBnxG3G5o6moP0re214faMQRe__g9l6lFrseEUHu0Ehs8nOc6CZKe3bI-zxNyJOsjftXTksynEw'],
  // Pinned when the column was added: stored links must keep opening after any change to the codecs.
  ['visit', 'early_check_out_reason_encrypted', 'enc:v1:0CHwBchtHdCd-4HU7UIgQERT4j6BbRqLwG2fmlgXyslWbK2ZkR0ngD_LRESwRT0LE_qgPrmfOqz3y7QFsxMQObOdz4HJ_Qi73snubg'],
  ['certificate_link', 'token_encrypted', 'enc:v1:Q2scc5s2gYBY03ulEvauwWSZvFH2zajInfvHIlWEpIBdmBkOA9TLEw3d9gFHjDQwWeSV5SccevEtGFiEKTdc9ROMxwTeww'],
  ['person', 'retained_identity_encrypted', 'enc:v1:9_SdkKdIMSCiC90cWqQ_cUbbt9TOq8nL0xe3VybPRIxJGkXBBsJZQXRTAZ8DqG21Df2xRHxm8GAuV1pCiduiYyaAHqFLW9Ws'],
];

const INDEXED_BEFORE: [codec: IndexedFieldCodec, value: string, index: string][] = [
  [personFields.email, 'Erika@ACME.example', 'v1:opUAB3SIQYcawGetg_EgkHA28Rx-DYxuhKERgYhb1Us'],
  [personFields.employeeNumber, 'acme 7', 'v1:t3BHRxY0qhF8drd35Xm3z5BCKeZY2EJRANE9p9vgvE8'],
  [registrationFields.email, 'Erika@ACME.example', 'v1:agdjyGWu7NuRvGIJfM6WsvzU5KuafjycyWU2duqpo7o'],
  // Pinned when the name search came: stored tokens must keep matching.
  [personFields.namePrefix, 'ad', 'v1:vHmtMhylZQ0N7aLOHXQtpN3bTnFTLHek268_Fgal0_4'],
  [staffFields.email, 'Admin@ACME.example', 'v1:XM1uYcaIdI4tORSieu9zjyszjbmFNxzbwce-CKxVLCg'],
];

describe('encrypted column codecs', () => {
  it.each(WRITTEN_BEFORE)('reads %s.%s as the code before them wrote it', (table, column, ciphertext) => {
    const field = ENCRYPTED_COLUMNS.find((candidate) => candidate.table === table && candidate.column === column);
    expect(field?.codec.decrypt(RING, ciphertext)).toBe(`sample of ${table}.${column}`);
  });

  it('has a value written before for every encrypted column', () => {
    expect(ENCRYPTED_COLUMNS.map((field) => `${field.table}.${field.column}`).sort()).toEqual(WRITTEN_BEFORE.map(([table, column]) => `${table}.${column}`).sort());
  });

  it.each(INDEXED_BEFORE)('computes the blind index of %s as before, from the raw value', (codec, value, index) => {
    expect(codec.blindIndex(RING, value)).toBe(index);
    expect(codec.blindIndexCandidates(RING, value)).toEqual([index]);
  });

  it('writes what it reads, and nothing another column can read', () => {
    const sealed = personFields.email.encrypt(RING, 'erika@acme.example');
    expect(personFields.email.decrypt(RING, sealed)).toBe('erika@acme.example');
    expect(() => registrationFields.email.decrypt(RING, sealed)).toThrow();
    expect(personFields.phone.encryptOptional(RING, '')).toBeNull();
    expect(personFields.phone.decryptOptional(RING, null)).toBeNull();
  });
});
