import { AppException } from '../../common/problem/app-exception';

export enum PersonExceptionCode {
  NotFound = 'person.not_found',
  EmailTaken = 'person.email_taken',
  EmployeeNumberTaken = 'person.employee_number_taken',
  VersionConflict = 'person.version_conflict',
}

const DETAILS: Record<PersonExceptionCode, { status: number; title: string; detail: string; field?: string }> = {
  [PersonExceptionCode.NotFound]: { status: 404, title: 'Person not found', detail: 'No person has this id.' },
  [PersonExceptionCode.EmailTaken]: {
    status: 409,
    title: 'E-mail already registered',
    detail: 'Another person is registered with this e-mail address.',
    field: 'email',
  },
  [PersonExceptionCode.EmployeeNumberTaken]: {
    status: 409,
    title: 'Employee number already registered',
    detail: 'Another person is registered with this employee number.',
    field: 'employeeNumber',
  },
  [PersonExceptionCode.VersionConflict]: {
    status: 409,
    title: 'Changed by someone else',
    detail: 'This record was changed since you loaded it. Reload it and apply your change again.',
    field: 'version',
  },
};

export class PersonException extends AppException {
  constructor(code: PersonExceptionCode) {
    const { status, title, detail, field } = DETAILS[code];
    super(code, status, title, detail, field ? [{ field, message: detail }] : undefined);
  }
}
