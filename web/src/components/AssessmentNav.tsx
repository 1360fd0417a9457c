import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router-dom';
import type { Assessment } from '../api/types';
import { isEditable } from '../lib/status';

/** Links between the pages of one assessment. */
export function AssessmentNav({
  assessment,
}: {
  assessment: Pick<Assessment, 'id' | 'status' | 'deliverables'>;
}) {
  const base = `/assessments/${encodeURIComponent(assessment.id)}`;
  const links: { to: string; label: string }[] = [];
  if (isEditable(assessment.status)) {
    links.push(
      { to: `${base}/questionnaire`, label: 'Questionnaire' },
      { to: `${base}/documents`, label: 'Documents' },
      { to: `${base}/review`, label: 'Review and submit' },
    );
  } else {
    links.push({ to: `${base}/status`, label: 'Progress' });
    const delivered = new Set(assessment.deliverables.filter((d) => d.deliveredAt).map((d) => d.stage));
    if (delivered.has('executive-summary'))
      links.push({ to: `${base}/deliverables/executive-summary`, label: 'Executive summary' });
    if (delivered.has('detailed-report'))
      links.push({ to: `${base}/deliverables/detailed-report`, label: 'Detailed report' });
    if (delivered.has('implementation-kits'))
      links.push({ to: `${base}/deliverables/implementation-kits`, label: 'Implementation kits' });
    links.push(
      { to: `${base}/questionnaire`, label: 'Answers' },
      { to: `${base}/documents`, label: 'Documents' },
    );
  }
  return (
    <Group component="nav" aria-label="Assessment" gap="md" mb="md" wrap="wrap">
      {links.map((l) => (
        <Anchor key={l.to} component={NavLink} to={l.to} size="sm" fw={600} className="nav-link">
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}
