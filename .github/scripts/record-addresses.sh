#!/usr/bin/env bash
# Records the addresses a build published: the addresses of BUILT_LIST (content/urls.txt as the
# build left it) that the branch's list lacks are committed to the branch, on top of its tip, by
# the workflow (docs/decisions/0008-ci-records-addresses.md). When another commit lands before
# the push, the push is tried again on the new tip. The tag addresses-recorded is then moved to
# BUILT_COMMIT: the next deploy compares its changes with it.
set -euo pipefail
branch="${1:?usage: record-addresses.sh BRANCH BUILT_LIST BUILT_COMMIT}"
built_list="${2:?usage: record-addresses.sh BRANCH BUILT_LIST BUILT_COMMIT}"
built_commit="${3:?usage: record-addresses.sh BRANCH BUILT_LIST BUILT_COMMIT}"
list="${URL_MANIFEST:-content/urls.txt}"

git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"

mark_recorded() {
  git fetch --quiet --depth=1 origin "$built_commit"
  git push --quiet --force origin "$built_commit:refs/tags/addresses-recorded"
}

for attempt in 1 2 3 4 5; do
  git fetch --quiet origin "$branch"
  git checkout --quiet --detach FETCH_HEAD
  npm run --silent addresses -- --add-from "$built_list"
  if [ -z "$(git status --porcelain -- "$list")" ]; then
    echo "$list on $branch already records every address this build published."
    mark_recorded
    exit 0
  fi
  added="$(git diff --unified=0 -- "$list" | grep '^+/' | cut -c2- || true)"
  git add -- "$list"
  git commit --quiet --message "Record the addresses published from ${built_commit:0:7}" --message "$added"
  if pushed="$(git push --quiet origin "HEAD:refs/heads/$branch" 2>&1)"; then
    echo "Recorded in $list:"
    echo "$added"
    mark_recorded
    exit 0
  fi
  if ! grep -q -e "fetch first" -e "non-fast-forward" <<<"$pushed"; then
    echo "$pushed"
    echo "::error file=$list::The new addresses could not be pushed to $branch (above), so the site was not deployed. If $branch is protected, let GitHub Actions push to it (docs/deploying.md)."
    exit 1
  fi
  echo "Another commit reached $branch first; recording on top of it."
  git reset --quiet --hard FETCH_HEAD
  sleep "$attempt"
done
echo "::error file=$list::The new addresses could not be recorded on $branch: it kept moving during 5 attempts, so the site was not deployed. Run the workflow again."
exit 1
