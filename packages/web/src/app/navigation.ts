/** One sidebar entry: project pages live under /projects/:id, the rest at the root. */
export interface NavItem {
  label: string;
  /** For project pages the segment after /projects/:id/, otherwise the absolute path. */
  path: string;
  scope: 'project' | 'global';
  /** The permission the page needs; the entry is hidden without it. */
  permission?: string;
}

export interface NavGroup {
  label: 'Overview' | 'Design' | 'Execution' | 'Ops';
  items: NavItem[];
}

/** The sidebar: what a migration team does, in the order they do it. */
export const navigation: NavGroup[] = [
  {
    label: 'Overview',
    items: [{ label: 'Dashboard', path: 'dashboard', scope: 'project', permission: 'project.read' }],
  },
  {
    label: 'Design',
    items: [
      { label: 'Schemas', path: 'schemas', scope: 'project', permission: 'catalog.read' },
      { label: 'ERD', path: 'erd', scope: 'project', permission: 'catalog.read' },
      { label: 'Mappings', path: 'mappings', scope: 'project', permission: 'contract.read' },
      { label: 'Crosswalks', path: 'crosswalks', scope: 'project', permission: 'crosswalk.read' },
      { label: 'Connectors', path: 'connectors', scope: 'project', permission: 'connector.read' },
    ],
  },
  {
    label: 'Execution',
    items: [
      { label: 'Lifecycle', path: 'lifecycle', scope: 'project', permission: 'run.read' },
      { label: 'Runs', path: 'runs', scope: 'project', permission: 'run.read' },
      { label: 'Quality', path: 'quality', scope: 'project', permission: 'run.read' },
    ],
  },
  {
    label: 'Ops',
    items: [
      { label: 'Documents', path: 'documents', scope: 'project', permission: 'documents.read' },
      { label: 'Users', path: '/admin/users', scope: 'global', permission: 'users.read' },
      { label: 'Registrations', path: '/admin/registrations', scope: 'global', permission: 'users.manage' },
      { label: 'Roles', path: '/admin/roles', scope: 'global', permission: 'roles.manage' },
      { label: 'Audit', path: '/admin/audit', scope: 'global', permission: 'audit.read' },
      { label: 'Targets', path: '/settings/targets', scope: 'global', permission: 'target.read' },
      { label: 'Settings', path: '/settings', scope: 'global' },
    ],
  },
];

/** The URL of an entry, or null when it needs a project and none is open. */
export function hrefOf(item: NavItem, projectId: string | null): string | null {
  if (item.scope === 'global') return item.path;
  return projectId ? `/projects/${projectId}/${item.path}` : null;
}
