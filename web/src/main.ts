import "./styles.css";
import { startApp } from "./app";
import { startBoard } from "./board/boardPage";

const root = document.getElementById("app")!;
if (location.pathname.replace(/\/+$/, "") === "/board") startBoard(root);
else startApp(root);
