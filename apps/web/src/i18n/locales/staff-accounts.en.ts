/** English texts of staff accounts: the admins' staff page, password links and own sessions; spread into en.ts. */
export const staffAccountsEn = {
  staffAccounts: {
    title: 'Staff accounts',
    tile: 'Invite doctors and assistants, change roles, deactivate accounts.',
    intro: 'Invited staff get an e-mail with a link to choose their password. A deactivated account is signed out at once.',
    listCaption: 'Staff accounts',
    columns: { name: 'Name', email: 'E-mail', role: 'Role', status: 'Status', lastSignIn: 'Last sign-in', actions: 'Actions' },
    status: { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' },
    never: 'Never',
    invitationUntil: 'Link valid until {{when}}',
    inviteTitle: 'Invite a staff member',
    email: 'E-mail',
    displayName: 'Name',
    role: 'Role',
    roleFor: 'Role of {{name}}',
    locale: 'Language of the e-mails',
    invite: 'Send invitation',
    inviting: 'Sending…',
    invited: 'The invitation to {{email}} is on its way.',
    resend: 'Send the invitation again',
    resent: 'A new invitation is on its way; the earlier link no longer works.',
    changeRole: 'Change role',
    roleChanged: 'The role of {{name}} has been changed.',
    deactivate: 'Deactivate',
    confirmDeactivate: 'Deactivate {{name}}? The account is signed out at once and can no longer sign in.',
    deactivated: '{{name}} has been deactivated.',
  },
  setPassword: {
    title: 'Choose your password',
    intro: 'Choose the password for your staff account. The link works once.',
    newPassword: 'New password',
    newPasswordHint: 'At least {{count}} characters. Use a password you do not use anywhere else.',
    confirmPassword: 'Repeat the new password',
    submit: 'Save password',
    done: 'Your password is saved. You can sign in now.',
    signIn: 'Go to sign-in',
    missingLink: 'This page needs the link from your e-mail. Open the link from the e-mail again, or ask for a new one.',
    askAgain: 'Ask for a new link',
  },
  forgotPassword: {
    link: 'Forgot your password?',
    title: 'Forgot your password',
    intro: 'Enter the e-mail address of your staff account. We will send you a link to choose a new password.',
    email: 'E-mail',
    submit: 'Send link',
    submitting: 'Sending…',
    sent: 'If an account with this address exists, a link is on its way. It works once and for 30 minutes.',
    backToSignIn: 'Back to sign-in',
  },
  sessions: {
    title: 'Your sessions',
    link: 'Your sessions',
    intro: 'Every sign-in of your account that is still open. End the ones you do not recognise or no longer use.',
    caption: 'Open sessions',
    columns: { startedAt: 'Signed in', expiresAt: 'Ends', action: 'Action' },
    current: 'This device',
    end: 'End session',
    ended: 'The session has ended.',
  },
};

export const staffAccountsProblemsEn = {
  staff: {
    email_taken: 'An account with this e-mail address exists already.',
    not_found: 'This account does not exist or is deactivated.',
    not_invited: 'This person has already chosen a password; they can use "Forgot your password?".',
    last_admin: 'At least one active account must keep the administrator role.',
  },
  authLinks: {
    link_invalid: 'This link was used already or has expired. Ask for a new one.',
    password_managed_elsewhere: 'You sign in with your company account here; change your password there.',
    session_not_found: 'This session has ended already.',
  },
};

export type StaffAccountsMessages = typeof staffAccountsEn;
export type StaffAccountsProblems = typeof staffAccountsProblemsEn;
