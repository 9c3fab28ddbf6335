import { Link, useSearchParams } from 'react-router';

/**
 * Two or more views of one list as tabs (open/closed alerts, waiting/gone-through rejected messages): links, the
 * current one marked for screen readers (aria-current) and by its underline.
 * @param label - names the navigation landmark
 * @param href - where a state's tab leads (a query string on the same page)
 */
export function StateTabs<S extends string>({
  label,
  states,
  current,
  href,
  text,
}: {
  label: string;
  states: readonly S[];
  current: S;
  href: (state: S) => string;
  text: (state: S) => string;
}) {
  return (
    <nav className="hb-plo-tabs" aria-label={label}>
      <ul>
        {states.map((s) => (
          <li key={s}>
            <Link to={href(s)} className="hb-plo-tabs__tab" aria-current={s === current ? 'page' : undefined}>
              {text(s)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A tabbed, paged list's place in the page's address: the first state plain, the second as `?vis=<name>`, the page
 * as `side=N` from page 2 (so a link or a reload shows the same page).
 * @param states - the two states, the default first
 * @param secondName - the second state's name in the address (Norwegian, as the address is read)
 */
export function useTabbedList<S extends string>(states: readonly [S, S], secondName: string) {
  const [params, setParams] = useSearchParams();
  const state = params.get('vis') === secondName ? states[1] : states[0];
  const page = Math.max(1, Number(params.get('side')) || 1);
  const hrefOf = (s: S, side = 1) => {
    const p = new URLSearchParams();
    if (s === states[1]) {
      p.set('vis', secondName);
    }
    if (side > 1) {
      p.set('side', String(side));
    }
    return `?${p.toString()}`;
  };
  return { state, page, hrefOf, goToPage: (side: number) => setParams(new URLSearchParams(hrefOf(state, side))) };
}
