/** A repository on GitHub (or a host with GitHub's addresses) and the branch editors change. */
export interface Repository {
  /** https://github.com/newsroom/archive */
  url: string;
  branch: string;
}

/** Where an editor goes from an article page: its file in the web editor, and a new correction issue. */
export interface RepositoryLinks {
  edit: string;
  correction: string;
}

/**
 * The links of an article's page into the repository it is edited in, in GitHub's form: the web
 * editor at `edit/<branch>/<file>`, and `issues/new` with a title and a body that names the
 * article's address, so the report arrives saying which page it is about.
 */
export function repositoryLinks(
  repository: Repository,
  article: { file: string; title: string; permalink: string },
): RepositoryLinks {
  const file = article.file.split("\\").join("/").split("/").map(encodeURIComponent).join("/");
  const branch = repository.branch.split("/").map(encodeURIComponent).join("/");
  const issue = new URLSearchParams({
    title: `Correction: ${article.title}`,
    body: [
      `Article: ${article.permalink}`,
      `File: ${article.file}`,
      "",
      "What is wrong:",
      "",
      "What it should say, and how we can check it:",
      "",
    ].join("\n"),
  });
  return {
    edit: `${repository.url}/edit/${branch}/${file}`,
    correction: `${repository.url}/issues/new?${issue.toString()}`,
  };
}
