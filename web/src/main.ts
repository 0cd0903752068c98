import "./styles.css";
import { startApp } from "./app";
import { startSuppliers } from "./suppliers/suppliersPage";

// One bundle, one entry per page: the host serves index.html for each page's path.
const root = document.getElementById("app")!;
const path = location.pathname.replace(/\/+$/, "");
if (path === "/suppliers") startSuppliers(root);
else startApp(root);
