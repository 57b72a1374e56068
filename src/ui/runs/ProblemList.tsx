/** Problems as "path: message" lines, the path set apart so each one points at its place. */
export function ProblemList(props: { problems: string[]; title: string; testId?: string; id?: string }) {
  if (props.problems.length === 0) return null
  return (
    <div role="alert" id={props.id} data-testid={props.testId} className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-[13px] text-red-900">
      <p className="font-semibold">{props.title}</p>
      <ul className="mt-1 list-disc pl-5">
        {props.problems.map((p, i) => {
          const m = /^([^\s:][^:]*?): (.*)$/s.exec(p)
          return (
            <li key={i}>
              {m ? (
                <>
                  <code className="rounded bg-white px-1 font-mono text-[12px]">{m[1]}</code>: {m[2]}
                </>
              ) : (
                p
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
