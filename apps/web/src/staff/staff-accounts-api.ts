import type { ChangeStaffRolesRequest, InviteStaffRequest, StaffMember } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export function listStaffMembers(api: ApiClient, signal?: AbortSignal): Promise<StaffMember[]> {
  return api.get<StaffMember[]>('/staff', signal ? { signal } : {});
}

export function inviteStaff(api: ApiClient, invitation: InviteStaffRequest): Promise<StaffMember> {
  return api.post<StaffMember>('/staff/invitations', invitation);
}

export function resendInvitation(api: ApiClient, id: string): Promise<StaffMember> {
  return api.post<StaffMember>(`/staff/${encodeURIComponent(id)}/invitation`, undefined);
}

export function changeStaffRoles(api: ApiClient, id: string, change: ChangeStaffRolesRequest): Promise<StaffMember> {
  return api.request<StaffMember>('PUT', `/staff/${encodeURIComponent(id)}/roles`, { body: change });
}

export function deactivateStaff(api: ApiClient, id: string): Promise<StaffMember> {
  return api.post<StaffMember>(`/staff/${encodeURIComponent(id)}/deactivation`, undefined);
}
