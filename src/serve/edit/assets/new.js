// "Bài mới": a section and a title, then the file made as `loa new` makes it, then its form.

import { formAddress, getSite, labels, post } from "./common.js";

const form = document.getElementById("new");
const section = document.getElementById("n-section");
const title = document.getElementById("n-title");
const problem = document.getElementById("n-problem");
const create = form.querySelector("button[type=submit]");

function refuse(message) {
  problem.textContent = message;
  title.setAttribute("aria-invalid", "true");
}

async function start() {
  const [site, unbuilt] = await getSite();
  for (const s of site.sections) {
    section.append(new Option(s.title, s.dir));
  }
  if (unbuilt) {
    refuse(unbuilt);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  problem.textContent = "";
  title.removeAttribute("aria-invalid");
  create.disabled = true;
  create.textContent = labels.creating;
  try {
    const made = await post("api/new", { section: section.value, title: title.value.trim() });
    location.href = formAddress(made.path);
  } catch (error) {
    refuse(error.message);
    title.focus();
  } finally {
    create.disabled = false;
    create.textContent = labels.create;
  }
});

start();
