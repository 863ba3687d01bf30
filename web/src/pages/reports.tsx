// The saved mock-interview scorecards, newest first.
import { api } from '../api.js';
import { ErrorBox, Loading, pct, useLoad, usePageTitle } from '../components/common.js';
import { reportHref } from '../route.js';
import { signalClass } from './report.js';

export function ReportsPage() {
  usePageTitle('Reports');
  const [load] = useLoad(() => api.reports(), []);
  return (
    <div className="reports" data-ready={load.state === 'ready' ? 'reports' : undefined}>
      <h1>Mock interview reports</h1>
      {load.state === 'loading' && <Loading what="your reports" />}
      {load.state === 'error' && <ErrorBox message={load.message} />}
      {load.state === 'ready' && load.data.reports.length === 0 && (
        <p>
          No mock interview yet. <a href="#/mock">Sit one</a>: it ends with a scorecard you will find here.
        </p>
      )}
      {load.state === 'ready' && load.data.reports.length > 0 && (
        <>
          <p>
            <a href="#/mock">Start another mock interview</a>
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Scorecards of earlier mock interviews</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Interview</th>
                  <th scope="col">Overall</th>
                  <th scope="col">Signal</th>
                </tr>
              </thead>
              <tbody>
                {load.data.reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <a href={reportHref(r.id)}>{new Date(r.createdAt).toLocaleString()}</a>
                    </th>
                    <td>{r.title}</td>
                    <td>{pct(r.overall)}</td>
                    <td>
                      <span className={signalClass(r.signal)}>{r.signal}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
