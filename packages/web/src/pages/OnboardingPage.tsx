import { Alert, Button, Card, Group, Select, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { metaApi } from '../api/meta-api';
import { type Organisation, tenancyApi, type Workspace } from '../api/tenancy-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { chooseOrganisation } from '../hooks/useActiveOrganisation';
import { useSession } from '../hooks/useSession';

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/**
 * Onboarding: an organisation (super admins create one; others use their own), a workspace, and a project on a
 * pack. Each step can also pick an existing one.
 */
export function OnboardingPage() {
  const { user, can } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [org, setOrg] = useState<Organisation | null>(null);
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [orgName, setOrgName] = useState('');
  const [orgSlug, setOrgSlug] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const [projectName, setProjectName] = useState('');
  const [pack, setPack] = useState<string | null>(null);

  const orgs = useQuery({ queryKey: ['organisations'], queryFn: tenancyApi.organisations });
  const version = useQuery({ queryKey: ['meta', 'version'], queryFn: metaApi.version });
  const workspaces = useQuery({
    queryKey: ['workspaces', org?.id],
    queryFn: () => tenancyApi.workspaces(org!.id),
    enabled: Boolean(org),
  });
  useEffect(() => {
    if (!org && orgs.data?.length === 1 && !user?.isSuperAdmin) setOrg(orgs.data[0]!);
  }, [org, orgs.data, user]);
  useEffect(() => {
    if (!pack && version.data?.packs[0]) setPack(version.data.packs[0].name);
  }, [pack, version.data]);

  const createOrg = useMutation({
    mutationFn: () => tenancyApi.createOrganisation({ name: orgName, slug: orgSlug || slugOf(orgName) }),
    onSuccess: (o) => {
      setOrg(o);
      chooseOrganisation(o.id);
      client.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  const createWorkspace = useMutation({
    mutationFn: () => tenancyApi.createWorkspace(org!.id, { name: workspaceName }),
    onSuccess: (w) => {
      setWorkspace(w);
      client.invalidateQueries({ queryKey: ['workspaces', org?.id] });
    },
  });
  const createProject = useMutation({
    mutationFn: () => tenancyApi.createProject(workspace!.id, { name: projectName, pack: pack! }),
    onSuccess: (p) => {
      client.invalidateQueries({ queryKey: ['projects', workspace?.id] });
      navigate(`/projects/${p.id}/dashboard`);
    },
  });
  const step = !org ? 0 : !workspace ? 1 : 2;
  const submit = (mutate: () => void) => (e: FormEvent) => {
    e.preventDefault();
    mutate();
  };
  if (!can('project.manage') && !user?.isSuperAdmin) {
    return (
      <>
        <PageHeader title="Get started" />
        <Alert color="ferry" title="No project yet">
          Choose a project in the switcher above. Your organisation's administrator or migration lead creates projects.
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Get started"
        description="Create an organisation, a workspace, and a project on a migration pack"
      />
      <Card withBorder maw={720}>
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label="Organisation" description={org?.name}>
            <Stack gap="sm" mt="md">
              {orgs.data?.length ? (
                <Select
                  label="Use an existing organisation"
                  placeholder="Choose"
                  data={orgs.data.map((o) => ({ value: o.id, label: o.name }))}
                  onChange={(id) => {
                    setOrg(orgs.data!.find((o) => o.id === id) ?? null);
                    chooseOrganisation(id);
                  }}
                />
              ) : null}
              {user?.isSuperAdmin ? (
                <form onSubmit={submit(() => createOrg.mutate())} aria-label="Create organisation">
                  <Stack gap="sm">
                    <TextInput
                      label="New organisation name"
                      required
                      value={orgName}
                      onChange={(e) => setOrgName(e.currentTarget.value)}
                    />
                    <TextInput
                      label="Code"
                      description="Short, lower-case; people requesting access type it"
                      placeholder={slugOf(orgName)}
                      value={orgSlug}
                      onChange={(e) => setOrgSlug(e.currentTarget.value)}
                    />
                    <ErrorAlert error={createOrg.error} />
                    <Group>
                      <Button type="submit" loading={createOrg.isPending}>
                        Create organisation
                      </Button>
                    </Group>
                  </Stack>
                </form>
              ) : null}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Workspace" description={workspace?.name}>
            <Stack gap="sm" mt="md">
              {workspaces.data?.length ? (
                <Select
                  label="Use an existing workspace"
                  placeholder="Choose"
                  data={workspaces.data.map((w) => ({ value: w.id, label: w.name }))}
                  onChange={(id) => setWorkspace(workspaces.data!.find((w) => w.id === id) ?? null)}
                />
              ) : null}
              {can('org.manage') ? (
                <form onSubmit={submit(() => createWorkspace.mutate())} aria-label="Create workspace">
                  <Stack gap="sm">
                    <TextInput
                      label="New workspace name"
                      required
                      value={workspaceName}
                      onChange={(e) => setWorkspaceName(e.currentTarget.value)}
                    />
                    <ErrorAlert error={createWorkspace.error} />
                    <Group>
                      <Button type="submit" loading={createWorkspace.isPending}>
                        Create workspace
                      </Button>
                    </Group>
                  </Stack>
                </form>
              ) : workspaces.data && !workspaces.data.length ? (
                <Text size="sm">No workspace yet: your organisation's administrator creates workspaces.</Text>
              ) : null}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Project">
            <form onSubmit={submit(() => createProject.mutate())} aria-label="Create project">
              <Stack gap="sm" mt="md">
                <TextInput
                  label="Project name"
                  required
                  value={projectName}
                  onChange={(e) => setProjectName(e.currentTarget.value)}
                />
                <Select
                  label="Pack"
                  required
                  data={(version.data?.packs ?? []).map((p) => ({
                    value: p.name,
                    label: `${p.name}: ${p.description}`,
                  }))}
                  value={pack}
                  onChange={setPack}
                />
                <ErrorAlert error={createProject.error} />
                <Group>
                  <Button type="submit" loading={createProject.isPending} disabled={!pack}>
                    Create project
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
        </Stepper>
        {step > 0 ? (
          <Text size="xs" c="dimmed" mt="md">
            {org ? `Organisation: ${org.name}` : ''} {workspace ? ` · Workspace: ${workspace.name}` : ''}
          </Text>
        ) : null}
      </Card>
    </>
  );
}
