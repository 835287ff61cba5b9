#!/usr/bin/env bash
# Records the addresses a build of the branch published: content/urls.txt as the build left it is
# committed to the branch by the workflow (docs/decisions/0008-ci-records-addresses.md). When
# another commit landed during the build, the list is taken from the branch's tip, this build's
# addresses are added to it, and the push is tried again.
set -euo pipefail
branch="${1:?usage: record-addresses.sh BRANCH}"
list="${URL_MANIFEST:-content/urls.txt}"

if git diff --quiet -- "$list"; then
  echo "Every address this build published is already recorded."
  exit 0
fi
built="$(git rev-parse --short HEAD)"
recorded="$(mktemp)"
cp "$list" "$recorded"
git checkout --quiet -- "$list"
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"

for attempt in 1 2 3 4 5; do
  git fetch --quiet origin "$branch"
  git checkout --quiet --detach FETCH_HEAD
  npm run --silent addresses -- --add-from "$recorded"
  if git diff --quiet -- "$list"; then
    echo "The branch already records every address this build published."
    exit 0
  fi
  added="$(git diff --unified=0 -- "$list" | grep '^+/' | cut -c2- || true)"
  git commit --quiet --message "Record the addresses published from $built" \
    --message "$added" -- "$list"
  if git push --quiet origin "HEAD:refs/heads/$branch"; then
    echo "Recorded in $list:"
    echo "$added"
    exit 0
  fi
  # Someone pushed meanwhile: start again from the new tip.
  git checkout --quiet --detach FETCH_HEAD
  sleep "$attempt"
done
echo "::error file=$list::The new addresses could not be recorded on $branch after 5 attempts; the site was not deployed. Run the workflow again."
exit 1
