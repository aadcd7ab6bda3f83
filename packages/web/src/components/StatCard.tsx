import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One figure with its label, for KPI rows; with `to`, the whole tile is a link to what the figure counts. */
export function StatCard({
  label,
  value,
  hint,
  color,
  to,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  color?: string;
  /** Where the figure drills down to (a page with the counted rows listed). */
  to?: string;
}) {
  const body = (
    <>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </>
  );
  if (to) {
    return (
      <Card withBorder padding="sm" component={Link} to={to} className="stat-card-link">
        {body}
      </Card>
    );
  }
  return (
    <Card withBorder padding="sm">
      {body}
    </Card>
  );
}
