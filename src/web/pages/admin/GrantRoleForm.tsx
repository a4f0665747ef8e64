/**
 * Give a user (new or existing, by login id) a role in the administrator's organisation — or, for a municipality's
 * administrator, the role of staff at one of the placement providers registered in the municipality.
 */
import type { Granted } from '../../api/types.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  ORGANISATION_TYPES,
  ROLES,
  ROLES_BY_ORGANISATION_TYPE,
  type OrganisationType,
} from '../../../domain/access/roles.ts';
import { apiPost } from '../../api/client.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { GrantRoleSchema, type GrantRoleInput } from '../../schemas.ts';

type Output = z.output<typeof GrantRoleSchema>;
const NAMES = [
  'subject',
  'displayName',
  'email',
  'role',
  'providerId',
  'protectedIdentityClearance',
] as const;
const FIELDS = [
  { name: 'subject', id: 'grant-subject', label: 'admin.subject' },
  { name: 'displayName', id: 'grant-displayName', label: 'admin.displayName' },
  { name: 'email', id: 'grant-email', label: 'admin.email' },
  { name: 'role', id: 'grant-role', label: 'admin.role' },
  { name: 'providerId', id: 'grant-providerId', label: 'admin.provider' },
  {
    name: 'protectedIdentityClearance',
    id: 'grant-protectedIdentityClearance',
    label: 'admin.clearanceLabel',
  },
] as const;
const EMPTY = {
  subject: '',
  displayName: '',
  email: '',
  role: '',
  providerId: '',
  protectedIdentityClearance: false,
};

/** The organisation's own roles; a municipality with providers in its register also grants their staff. */
function rolesFor(type: string, withProviders: boolean) {
  const own = (ORGANISATION_TYPES as readonly string[]).includes(type)
    ? ROLES_BY_ORGANISATION_TYPE[type as OrganisationType]
    : ROLES;
  return withProviders ? [...own, 'provider_staff' as const] : own;
}

export function GrantRoleForm({
  organisationType,
  providers,
}: {
  readonly organisationType: string;
  readonly providers: readonly { readonly id: string; readonly name: string }[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [granted, setGranted] = useState(false);
  const form = useForm<GrantRoleInput, unknown, Output>({
    resolver: zodResolver(GrantRoleSchema),
    shouldFocusError: false,
    defaultValues: EMPTY,
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const grant = useMutation({
    mutationFn: (values: Output) => apiPost<Granted>('/api/admin/role-assignments', values),
    onSuccess: async () => {
      setGranted(true);
      form.reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    setGranted(false);
    feedback.clear();
    grant.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: (typeof NAMES)[number]) => fieldErrorText(t, errors[name]);
  const role = useWatch({ control: form.control, name: 'role' });
  return (
    <section aria-labelledby="grant-title" className="section">
      <h2 id="grant-title">{t('admin.grantTitle')}</h2>
      <p>{t('admin.grantIntro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <Announce>
          {granted && (
            <Success>
              <p>{t('admin.granted')}</p>
            </Success>
          )}
        </Announce>
        <TextField
          id="grant-subject"
          label={t('admin.subject')}
          width="medium"
          error={err('subject')}
          registration={form.register('subject')}
        />
        <TextField
          id="grant-displayName"
          label={t('admin.displayName')}
          autoComplete="off"
          error={err('displayName')}
          registration={form.register('displayName')}
        />
        <TextField
          id="grant-email"
          type="email"
          label={t('admin.email')}
          error={err('email')}
          registration={form.register('email')}
        />
        <SelectField
          id="grant-role"
          label={t('admin.role')}
          error={err('role')}
          registration={form.register('role')}
        >
          <option value="">{t('admin.chooseRole')}</option>
          {rolesFor(organisationType, organisationType === 'municipality' && providers.length > 0).map(
            (r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ),
          )}
        </SelectField>
        {role === 'provider_staff' && (
          <SelectField
            id="grant-providerId"
            label={t('admin.provider')}
            hint={t('admin.providerHint')}
            error={err('providerId')}
            registration={form.register('providerId')}
          >
            <option value="">{t('admin.chooseProvider')}</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        <CheckboxField
          id="grant-protectedIdentityClearance"
          label={t('admin.clearanceLabel')}
          hint={t('admin.clearanceHint')}
          error={err('protectedIdentityClearance')}
          registration={form.register('protectedIdentityClearance')}
        />
        <button type="submit" className="button button--primary" disabled={grant.isPending}>
          {grant.isPending ? t('form.sending') : t('admin.grant')}
        </button>
      </form>
    </section>
  );
}
