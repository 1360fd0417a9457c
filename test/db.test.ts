import { createTestDatabase } from './helpers/db';

describe('test database', () => {
  it('is migrated and isolated per file', async () => {
    const t = await createTestDatabase();
    try {
      const user = await t.db.user.create({
        data: { cognitoSub: 'sub-1', email: 'a@example.com', firstName: 'A', lastName: 'B' },
      });
      expect(await t.db.user.count()).toBe(1);
      expect(user.role).toBe('client');
    } finally {
      await t.drop();
    }
  });
});
