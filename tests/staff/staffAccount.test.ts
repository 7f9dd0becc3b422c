import { hasRole, seesConcerns, STAFF_ROLES } from '../../src/staff/staffAccount';

describe('roles', () => {
  it('admin includes manager includes duty', () => {
    expect(hasRole('admin', 'manager')).toBe(true);
    expect(hasRole('manager', 'duty')).toBe(true);
    expect(hasRole('duty', 'manager')).toBe(false);
    expect(hasRole('manager', 'admin')).toBe(false);
  });

  it('partnership includes no other role and no other role includes it', () => {
    for (const role of STAFF_ROLES) {
      expect(hasRole('partnership', role)).toBe(role === 'partnership');
      expect(hasRole(role, 'partnership')).toBe(role === 'partnership');
    }
    expect(STAFF_ROLES.filter((r) => !seesConcerns(r))).toEqual(['partnership']);
  });
});
