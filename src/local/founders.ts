/**
 * Becoming a founder (the `founders` group of the user pool): `npm run founder -- add|remove|list EMAIL`.
 * The same Cognito calls work against cognito-local (the `.scalemap/` pool of `npm start`) and a real pool.
 * The role takes effect at the user's next sign-in, when the new token carries the group.
 */
import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GetGroupCommand,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { FOUNDERS_GROUP } from '../services/users';

export const founderCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), email: z.string().trim().toLowerCase().email() }),
  z.object({ action: z.literal('remove'), email: z.string().trim().toLowerCase().email() }),
  z.object({ action: z.literal('list') }),
]);
export type FounderCommand = z.infer<typeof founderCommandSchema>;

/** Parses `add EMAIL`, `remove EMAIL` or `list`; throws a readable message otherwise. */
export function parseFounderArgs(argv: string[]): FounderCommand {
  const [action, email] = argv.filter((a) => !a.startsWith('--'));
  const parsed = founderCommandSchema.safeParse({ action, email });
  if (!parsed.success)
    throw new Error('usage: npm run founder -- add EMAIL | remove EMAIL | list   (EMAIL: a valid address)');
  return parsed.data;
}

async function ensureGroup(client: CognitoIdentityProviderClient, userPoolId: string) {
  try {
    await client.send(new GetGroupCommand({ UserPoolId: userPoolId, GroupName: FOUNDERS_GROUP }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await client.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: FOUNDERS_GROUP,
        Description: 'ScaleMap founders (admins)',
      }),
    );
  }
}

/** Runs one command; returns the lines to print. */
export async function runFounderCommand(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  cmd: FounderCommand,
): Promise<string[]> {
  await ensureGroup(client, userPoolId);
  if (cmd.action === 'list') {
    const emails: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: FOUNDERS_GROUP, NextToken: token }),
      );
      for (const u of page.Users ?? [])
        emails.push(u.Attributes?.find((a) => a.Name === 'email')?.Value ?? u.Username ?? '');
      token = page.NextToken;
    } while (token);
    return emails.length ? emails.sort() : ['(no founders yet)'];
  }
  try {
    await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: cmd.email }));
  } catch (err) {
    if (err instanceof UserNotFoundException)
      throw new Error(`No account for ${cmd.email}: register it in the web app first.`, { cause: err });
    throw err;
  }
  const Command = cmd.action === 'add' ? AdminAddUserToGroupCommand : AdminRemoveUserFromGroupCommand;
  await client.send(new Command({ UserPoolId: userPoolId, Username: cmd.email, GroupName: FOUNDERS_GROUP }));
  return [
    cmd.action === 'add'
      ? `${cmd.email} is now a founder. Log out and in again to open the founder console (/admin).`
      : `${cmd.email} is no longer a founder (from the next sign-in).`,
  ];
}
