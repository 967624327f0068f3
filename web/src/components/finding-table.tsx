/** A compact list of findings, each linking to its detail in the findings explorer. */
import type { Finding } from '../api/types.tsx';
import { formatDate, SeverityBadge } from './badges.tsx';

export function FindingTable({
  findings,
  caption,
  detail,
}: {
  findings: Finding[];
  caption: string;
  /** An extra column drawn from the finding (e.g. the matched DLP profiles). */
  detail?: { header: string; cell: (f: Finding) => string };
}) {
  if (findings.length === 0) return <p class="muted">None open.</p>;
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Finding</th>
          <th scope="col">Asset</th>
          {detail ? <th scope="col">{detail.header}</th> : null}
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr key={f.id}>
            <td>
              <SeverityBadge severity={f.severity} />
            </td>
            <td>
              <a href={`#/findings?id=${f.id}`}>{f.title}</a>
              <br />
              <code class="muted">{f.ruleId}</code>
            </td>
            <td>
              {f.asset.name}
              <br />
              <span class="muted">{f.provider}</span>
            </td>
            {detail ? <td>{detail.cell(f)}</td> : null}
            <td>{formatDate(f.lastSeenAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
